"""Signals of the outbox, for apps that must know what happened to their mail."""

from django.dispatch import Signal

#: A message was refused for good (SMTP 5xx) by the receiving server. Argument: ``address``.
#: Sent inside the transaction that marks the message failed.
email_refused = Signal()
