from django.urls import path

from .library import views as library_views

app_name = "content"

urlpatterns = [
    path(
        "library/download/<int:edition_id>/",
        library_views.download,
        name="library_download",
    ),
]
