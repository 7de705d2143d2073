from django.urls import path

from samverkan.inquiries.views import administration, handling, public

app_name = "inquiries"
urlpatterns = [
    # The sender, without an account.
    path("", public.new, name="new"),
    path("skickat/", public.sent, name="sent"),
    path("bekrafta/<str:token>/", public.confirm, name="confirm"),
    path("status/<str:token>/", public.status, name="status"),
    path(
        "status/<str:token>/bilagor/<int:pk>/",
        public.status_attachment,
        name="status_attachment",
    ),
    # The handling teams.
    path("arenden/", handling.team_list, name="team_list"),
    path("arenden/utan-team/", handling.unrouted_queue, name="unrouted_queue"),
    path("arenden/team/<slug:slug>/", handling.team_queue, name="team_queue"),
    path("arenden/<int:pk>/", handling.inquiry_detail, name="detail"),
    path(
        "arenden/<int:pk>/bilagor/<int:attachment_pk>/",
        handling.attachment,
        name="attachment",
    ),
    path("arenden/<int:pk>/utdrag/", handling.export, name="export"),
    path("arenden/<int:pk>/radera-personuppgifter/", handling.erase, name="erase"),
    # The secretary.
    path("styrning/", administration.routing, name="routing"),
    path("styrning/team/nytt/", administration.team_edit, name="team_create"),
    path("styrning/team/<int:pk>/", administration.team_edit, name="team_edit"),
    path("styrning/regler/ny/", administration.rule_edit, name="rule_create"),
    path("styrning/regler/<int:pk>/", administration.rule_edit, name="rule_edit"),
    path("styrning/regler/<int:pk>/ta-bort/", administration.rule_delete, name="rule_delete"),
    path("statistik/", administration.statistics, name="statistics"),
    path("statistik/diarielista.csv", administration.register_export, name="register_export"),
]
