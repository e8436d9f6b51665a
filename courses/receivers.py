"""Listeners to other apps' signals; each calls one service."""

from __future__ import annotations

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import accept_invitations


@receiver(email_confirmed, dispatch_uid="courses-accept-invitations")
def accept_invitations_of_the_confirmed_address(sender, request, email_address, **kwargs):
    accept_invitations(user=email_address.user, email=email_address.email)
