from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", views.start, name="start"),
    path("quizzes/<int:quiz_id>/preview/", views.preview, name="preview"),
    path("quizzes/<int:quiz_id>/results/", views.results, name="results"),
    path("quizzes/<int:quiz_id>/results.csv", views.results_csv, name="results_csv"),
    path("quizzes/<int:quiz_id>/results.xlsx", views.results_xlsx, name="results_xlsx"),
    path("quizzes/<int:quiz_id>/regrade/<int:question_id>/", views.regrade, name="regrade"),
    path("attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path("attempts/<int:attempt_id>/autosave/", views.autosave, name="autosave"),
    path("attempts/<int:attempt_id>/review/", views.review, name="review"),
    path("attempts/<int:attempt_id>/grade/", views.grade_attempt, name="grade_attempt"),
]
