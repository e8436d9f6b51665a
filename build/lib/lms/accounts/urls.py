from django.urls import path

from . import personal_data_views, views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/my-data/", personal_data_views.export_my_data, name="export_data"),
    path("profile/erasure/", personal_data_views.request_erasure, name="erasure"),
    path("profile/erasure/cancel/", personal_data_views.cancel_erasure, name="cancel_erasure"),
]
