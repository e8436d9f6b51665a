from allauth.account.adapter import DefaultAccountAdapter

from lms.clientip import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the same as ours (lms/clientip.py)."""
        return client_address(request)
