from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/public-key.pem", views.public_key, name="public_key"),
    path("verify/signing-certificate.pem", views.signing_certificate, name="signing_certificate"),
    path("verify/issuer.json", views.issuer_profile, name="issuer"),
    path("verify/keys.json", views.issuer_keys, name="issuer_keys"),
    path("verify/status/<int:year>/", views.status_list, name="status_list"),
    path("verify/<str:code>/credential.json", views.credential, name="credential"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<str:serial>/download/", views.download, name="download"),
]
