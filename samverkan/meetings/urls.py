from django.urls import path

from samverkan.meetings.views import calendar, pdf, public, secretary, statistics

app_name = "meetings"
urlpatterns = [
    # Public (or members-only, by each meeting's visibility)
    path("organ/", public.body_list, name="body_list"),
    path("organ/<slug:slug>/", public.body_detail, name="body_detail"),
    path("organ/<slug:slug>/kalender.ics", calendar.body_feed, name="body_feed"),
    path("moten/<int:pk>/", public.meeting_detail, name="meeting_detail"),
    path("moten/<int:pk>/minnesanteckningar.pdf", pdf.minutes_pdf, name="minutes_pdf"),
    path("moten/<int:pk>/kalender.ics", calendar.meeting_ics, name="meeting_ics"),
    path("moten/bilagor/<int:pk>/", public.attachment_download, name="attachment_download"),
    path("kalender/", calendar.calendar_page, name="calendar"),
    path("kalender.ics", calendar.public_feed, name="public_feed"),
    path("beslut/", public.decision_register, name="decisions"),
    path("uppdrag/", public.action_items, name="action_items"),
    path("bordlagt/", public.carried_over_points, name="carried_over"),
    path("narvaro/", statistics.attendance_statistics, name="attendance_statistics"),
    path("svar/<str:token>/", public.invitation_respond, name="invitation_respond"),
    # The secretary
    path("sekreterare/moten/", secretary.meeting_list, name="manage_meetings"),
    path("sekreterare/moten/nytt/", secretary.meeting_create, name="meeting_create"),
    path("sekreterare/moten/<int:pk>/", secretary.meeting_edit, name="meeting_edit"),
    path(
        "sekreterare/moten/<int:pk>/minnesanteckningar/",
        secretary.minutes_edit,
        name="minutes_edit",
    ),
    path("sekreterare/moten/<int:pk>/andra/", secretary.minutes_revise, name="minutes_revise"),
    path("sekreterare/organ/<slug:slug>/", secretary.body_manage, name="body_manage"),
    path("sekreterare/personer/", secretary.people, name="people"),
]
