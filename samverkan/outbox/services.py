"""Queue email in the database and deliver it with retries and backoff.

A message is stored in the same transaction as the change that caused it, so it is sent
exactly when that change is committed, and survives an SMTP server that is down.
"""

import contextlib
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, connection, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from samverkan.outbox.models import OutboundAttachment, OutboundEmail
from samverkan.outbox.signals import email_refused

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
MAX_BACKOFF = timedelta(hours=6)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    content_type: str


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def email_queue(
    *,
    to: str,
    subject: str,
    body: str,
    html_body: str = "",
    reply_to: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: Iterable[Attachment] = (),
    dedup_key: str | None = None,
) -> OutboundEmail | None:
    """Store one message for `to`. With a dedup key already queued, nothing new is stored."""
    subject = " ".join(subject.split())[:300]
    try:
        with transaction.atomic():
            message = OutboundEmail.objects.create(
                to=to,
                reply_to=reply_to or "",
                subject=subject,
                body=body,
                html_body=html_body,
                headers=headers or {},
                dedup_key=dedup_key,
            )
            OutboundAttachment.objects.bulk_create(
                OutboundAttachment(
                    email=message,
                    filename=a.filename,
                    content=a.content,
                    content_type=a.content_type,
                )
                for a in attachments
            )
    except IntegrityError:
        if dedup_key and OutboundEmail.objects.filter(dedup_key=dedup_key).exists():
            return None
        raise
    if settings.OUTBOX_DELIVER_ON_COMMIT:
        message_id = message.pk
        transaction.on_commit(lambda: outbox_deliver(ids=[message_id]))
    return message


def email_queue_template(
    *,
    to: str,
    template: str,
    context: dict,
    language: str = "sv",
    dedup_key: str | None = None,
    reply_to: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: Iterable[Attachment] = (),
) -> OutboundEmail | None:
    """Render `<template>_subject.txt` and `<template>.txt` (and `<template>.html`, when there is
    one, as the HTML alternative) in the recipient's language and queue."""
    context = {
        "site_url": settings.SITE_URL,
        "municipality_name": settings.MUNICIPALITY_NAME,
        **context,
    }
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
        try:
            html_body = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html_body = ""
    return email_queue(
        to=to,
        subject=subject,
        body=body,
        html_body=html_body,
        reply_to=reply_to,
        headers=headers,
        attachments=attachments,
        dedup_key=dedup_key,
    )


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _build(message: OutboundEmail, smtp_connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=message.headers,
        connection=smtp_connection,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    for attachment in message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return email


def _due(now, ids: list[int] | None):
    queryset = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.QUEUED, next_attempt_at__lte=now
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset


def outbox_deliver(*, ids: list[int] | None = None, limit: int = 100) -> DeliveryReport:
    """Send due messages once each. Several workers may run at once: rows are claimed with
    SELECT ... FOR UPDATE SKIP LOCKED, so no message is sent twice."""
    report = DeliveryReport()
    now = timezone.now()
    candidate_ids = list(
        _due(now, ids).order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    )
    if not candidate_ids:
        return report
    smtp_connection = get_connection(fail_silently=False)
    try:
        for pk in candidate_ids:
            _deliver_one(pk, smtp_connection, report)
    finally:
        # Closing a broken connection must not hide the report.
        with contextlib.suppress(Exception):
            smtp_connection.close()
    return report


def _deliver_one(pk: int, smtp_connection, report: DeliveryReport) -> None:
    with transaction.atomic():
        queryset = _due(timezone.now(), [pk])
        if connection.features.has_select_for_update_skip_locked:
            queryset = queryset.select_for_update(skip_locked=True)
        message = queryset.first()
        if message is None:
            return  # sent or claimed by another worker
        message.attempts += 1
        try:
            _build(message, smtp_connection).send()
        except smtplib.SMTPRecipientsRefused as error:
            # A permanent refusal (5xx): stop trying this address, keep the record.
            codes = [code for code, _ in error.recipients.values()]
            if codes and all(500 <= code < 600 for code in codes):
                message.status = OutboundEmail.Status.FAILED
                report.failed += 1
                # Receivers work in their own savepoint; one that fails is logged, not fatal.
                for receiver, result in email_refused.send_robust(
                    sender=OutboundEmail, address=message.to
                ):
                    if isinstance(result, Exception):
                        logger.error("%s failed on a refused address: %s", receiver, result)
            else:
                message.next_attempt_at = timezone.now() + _backoff(message.attempts)
                report.retried += 1
            message.last_error = str(error)[:2000]
            report.errors.append(message.last_error)
        except (smtplib.SMTPException, OSError) as error:
            smtp_connection.close()
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            report.errors.append(message.last_error)
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboundEmail.Status.FAILED
                report.failed += 1
            else:
                message.next_attempt_at = timezone.now() + _backoff(message.attempts)
                report.retried += 1
            logger.warning("Email %s not sent (attempt %s): %s", pk, message.attempts, error)
        else:
            message.status = OutboundEmail.Status.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
            report.sent += 1
        message.save(
            update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"]
        )
