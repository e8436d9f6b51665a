"""URLs outside the language prefixes: the verification link of QR codes and e-mails."""

from django.urls import path

from . import views

app_name = "certificate_links"

urlpatterns = [
    path("v/<str:code>", views.verify_link, name="verify"),
]
