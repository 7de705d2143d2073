"""Subscribing, confirming, and the subscriber's own page: no account, a personal link.

Who may do what: anyone may ask to subscribe (rate-limited); only the holder of the emailed
confirmation link may confirm; only the holder of the personal link may see or change a
subscription or end it. Nothing on a public page tells whether an address subscribes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from samverkan.core import ratelimit
from samverkan.core.http import private as _private
from samverkan.subscriptions import services
from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.feeds import FEED_SEGMENTS, feed_path
from samverkan.subscriptions.forms import TOPIC_FIELDS, EmptyForm, SubscribeForm, TopicsForm

LIMIT_PER_ADDRESS = 20
LIMIT_PER_EMAIL = 5
WINDOW_SECONDS = 3600


def _asked_for(request: HttpRequest) -> tuple[list[str], list[str]]:
    """The topics in ``?amne=`` that exist, and those that do not."""
    asked = list(dict.fromkeys(request.GET.getlist("amne")))[:50]
    known = topic_keys.labels(asked)
    return [t for t in asked if t in known], [t for t in asked if t not in known]


def _initial_for(topics: list[str]) -> dict[str, list[str]]:
    initial: dict[str, list[str]] = {"items": []}
    for key in topics:
        kind = (topic_keys.split(key) or ("", ""))[0]
        initial.setdefault(TOPIC_FIELDS.get(kind, "items"), []).append(key)
    return initial


def _item_choices(keys: list[str]) -> dict[str, str]:
    items = [k for k in keys if (topic_keys.split(k) or ("",))[0] in topic_keys.ITEM_KINDS]
    return topic_keys.labels(items)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _rate_limited(request: HttpRequest, email: str) -> bool:
    return not (
        ratelimit.allow(
            "subscribe-ip",
            ratelimit.client_address(request),
            limit=LIMIT_PER_ADDRESS,
            window_seconds=WINDOW_SECONDS,
        )
        and ratelimit.allow(
            "subscribe-email", email, limit=LIMIT_PER_EMAIL, window_seconds=WINDOW_SECONDS
        )
    )


def _feeds(form) -> list[dict]:
    """The feed of everything, then one per topic on the page."""
    feeds = [{"label": _("Everything new"), "url": reverse("subscriptions:feed")}]
    for name in ["items", *TOPIC_FIELDS.values()]:
        for key, label in form.fields[name].choices:
            feeds.append({"label": label, "url": feed_path(key)})
    return feeds


def subscribe(request: HttpRequest) -> HttpResponse:
    """Anyone: choose what to follow and how often; a confirmation link is emailed."""
    known, unknown = _asked_for(request)
    if request.method == "POST":
        form = SubscribeForm(
            request.POST, item_choices=_item_choices(request.POST.getlist("items"))
        )
        if form.is_valid():
            data = form.cleaned_data
            if _rate_limited(request, data["email"]):
                form.add_error(
                    None,
                    _("Many subscriptions have been asked for from here. Try again in an hour."),
                )
            else:
                try:
                    services.subscriber_subscribe(
                        email=data["email"],
                        topics=form.selected_topics(),
                        frequency=data["frequency"],
                        language=data["language"],
                    )
                except ValidationError as error:
                    _add_errors(form, error)
            if form.is_valid():
                request.session["subscription_email"] = data["email"]
                return redirect("subscriptions:sent")
    else:
        form = SubscribeForm(
            initial={**_initial_for(known), "language": request.LANGUAGE_CODE[:2]},
            item_choices=_item_choices(known),
        )
    return render(
        request,
        "subscriptions/subscribe.html",
        {
            "form": form,
            "unknown_topics": unknown,
            "feeds": _feeds(form),
            "feed_segments": FEED_SEGMENTS,
            "days": services.CONFIRMATION_DAYS,
            "nav": "subscriptions",
        },
    )


def sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "subscriptions/subscribe_sent.html",
        {
            "email": request.session.get("subscription_email"),
            "days": services.CONFIRMATION_DAYS,
            "nav": "subscriptions",
        },
    )


def _invalid(request: HttpRequest, message: str) -> HttpResponse:
    return _private(
        render(
            request,
            "subscriptions/link_invalid.html",
            {"error": message, "nav": "subscriptions"},
            status=410,
        )
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows a button; pressing it confirms (a mail scanner that opens links
    confirms nothing)."""
    try:
        subscriber = services.subscriber_for_confirmation(raw_token=token)
    except ValidationError as error:
        return _invalid(request, error.messages[0])
    form = EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            subscriber = services.subscriber_confirm(raw_token=token)
        except ValidationError as error:
            return _invalid(request, error.messages[0])
        messages.success(request, _("Your subscription is confirmed."))
        return redirect("subscriptions:manage", token=services.manage_token(subscriber))
    return _private(
        render(
            request,
            "subscriptions/subscriber_confirm.html",
            {
                "subscriber": subscriber,
                "topics": topic_keys.labels([t.topic for t in subscriber.topics.all()]).values(),
                "form": form,
                "nav": "subscriptions",
            },
        )
    )


def _subscriber_or_gone(request: HttpRequest, token: str):
    subscriber = services.subscriber_for_token(raw_token=token)
    if subscriber is None:
        return None, _invalid(
            request,
            _(
                "This link does not work. The subscription may have been ended; you can "
                "subscribe again at any time."
            ),
        )
    return subscriber, None


def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The holder of the personal link: change what they follow, how often, the language."""
    subscriber, gone = _subscriber_or_gone(request, token)
    if gone:
        return gone
    current = [t.topic for t in subscriber.topics.all()]
    if request.method == "POST":
        form = TopicsForm(
            request.POST, item_choices=_item_choices(current + request.POST.getlist("items"))
        )
        if form.is_valid():
            try:
                services.subscriber_update(
                    subscriber=subscriber,
                    topics=form.selected_topics(),
                    frequency=form.cleaned_data["frequency"],
                    language=form.cleaned_data["language"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your choices are saved."))
                return redirect("subscriptions:manage", token=token)
    else:
        known, _unknown = _asked_for(request)
        chosen = list(dict.fromkeys(current + known))
        form = TopicsForm(
            initial={
                **_initial_for(chosen),
                "frequency": subscriber.frequency,
                "language": subscriber.language,
            },
            item_choices=_item_choices(chosen),
        )
    return _private(
        render(
            request,
            "subscriptions/subscriber_manage.html",
            {
                "subscriber": subscriber,
                "form": form,
                "token": token,
                "added": request.method != "POST" and bool(request.GET.getlist("amne")),
                "nav": "subscriptions",
            },
        )
    )


def reconfirm(request: HttpRequest, token: str) -> HttpResponse:
    """After a bounce (or before confirming): email a new confirmation link."""
    subscriber, gone = _subscriber_or_gone(request, token)
    if gone:
        return gone
    if request.method != "POST":
        return redirect("subscriptions:manage", token=token)
    if not ratelimit.allow(
        "subscribe-reconfirm", str(subscriber.pk), limit=3, window_seconds=WINDOW_SECONDS
    ):
        messages.error(request, _("A new link has just been sent. Try again in an hour."))
    else:
        services.subscriber_reconfirm(subscriber=subscriber)
        messages.success(
            request,
            _("We have sent a new confirmation link to %(email)s.") % {"email": subscriber.email},
        )
    return redirect("subscriptions:manage", token=token)


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a form; the token is the key.
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST (the button, or a mail client's one-click request) ends the
    subscription and deletes the address."""
    subscriber = services.subscriber_for_token(raw_token=token)
    if request.method == "POST":
        if subscriber is not None:
            services.subscriber_unsubscribe(subscriber=subscriber)
        return _private(
            render(request, "subscriptions/unsubscribed.html", {"nav": "subscriptions"})
        )
    if subscriber is None:
        return _subscriber_or_gone(request, token)[1]
    return _private(
        render(
            request,
            "subscriptions/subscriber_unsubscribe.html",
            {"subscriber": subscriber, "nav": "subscriptions"},
        )
    )
