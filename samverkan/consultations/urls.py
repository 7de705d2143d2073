from django.urls import path

from samverkan.consultations.views import manage, public

app_name = "consultations"
urlpatterns = [
    # Everyone.
    path("", public.consultation_list, name="list"),
    path("<int:pk>/", public.consultation_detail, name="detail"),
    path("<int:pk>/dokument/<int:document_pk>/", public.document, name="document"),
    path("<int:pk>/svar/<int:response_pk>/fil/", public.response_file, name="response_file"),
    path("<int:pk>/svara/", public.respond, name="respond"),
    path("<int:pk>/svara/skickat/", public.sent, name="sent"),
    path("bekrafta/<str:token>/", public.confirm, name="confirm"),
    # The secretary.
    path("hantera/", manage.manage_list, name="manage"),
    path("hantera/ny/", manage.consultation_edit, name="create"),
    path("hantera/<int:pk>/", manage.manage_detail, name="manage_detail"),
    path("hantera/<int:pk>/andra/", manage.consultation_edit, name="edit"),
    path("hantera/<int:pk>/steg/<str:action>/", manage.transition, name="transition"),
    path("hantera/<int:pk>/remissinstanser/ny/", manage.consultee_add, name="consultee_add"),
    path(
        "hantera/<int:pk>/remissinstanser/<int:consultee_pk>/forlang/",
        manage.consultee_extend,
        name="consultee_extend",
    ),
    path(
        "hantera/<int:pk>/remissinstanser/<int:consultee_pk>/ta-bort/",
        manage.consultee_remove,
        name="consultee_remove",
    ),
    path("hantera/<int:pk>/dokument/ny/", manage.document_add, name="document_add"),
    path(
        "hantera/<int:pk>/dokument/<int:document_pk>/ta-bort/",
        manage.document_remove,
        name="document_remove",
    ),
    path(
        "hantera/<int:pk>/svar/<int:response_pk>/sekretess/<str:action>/",
        manage.secrecy,
        name="secrecy",
    ),
]
