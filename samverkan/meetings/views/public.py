"""Being written; every view answers 404 until then."""

from django.http import Http404


def __getattr__(name: str):
    def view(request, *args, **kwargs):
        raise Http404

    return view
