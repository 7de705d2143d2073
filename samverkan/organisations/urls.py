from django.urls import path

from samverkan.organisations.views import public, secretary, signing

app_name = "organisations"
urlpatterns = [
    path("overenskommelsen/", public.agreement_current, name="agreement_current"),
    path("overenskommelsen/<int:pk>/", public.agreement_detail, name="agreement_detail"),
    path(
        "overenskommelsen/<int:pk>/lattlast/",
        public.agreement_easy_read,
        name="agreement_easy_read",
    ),
    path("anslutna/", public.register, name="register"),
    path("anslutna/fornyelse/", public.renewal_overview, name="renewal_overview"),
    path("organisationer/<int:pk>/", public.organisation_detail, name="organisation_detail"),
    path("organisationer/<int:pk>/andra/", signing.organisation_edit, name="organisation_edit"),
    path("underskrifter/<int:pk>/lamna/", signing.signature_withdraw, name="signature_withdraw"),
    path("verifiera/<uuid:public_id>/", public.verify, name="verify"),
    path("anslut/", signing.sign, name="sign"),
    path("anslut/skickat/", signing.sign_sent, name="sign_sent"),
    path("anslut/bekrafta/<str:token>/", signing.sign_confirm, name="sign_confirm"),
    path("anslut/fornya/<str:token>/", signing.sign_renew, name="sign_renew"),
    path("anslut/svara/<str:token>/", signing.info_answer, name="info_answer"),
    path("uteslutning/svar/<str:token>/", signing.exclusion_respond, name="exclusion_respond"),
    path("sekreterare/granskning/", secretary.review_queue, name="review_queue"),
    path(
        "sekreterare/underskrifter/<int:pk>/", secretary.signature_review, name="signature_review"
    ),
    path("sekreterare/overenskommelser/", secretary.agreement_admin, name="agreement_admin"),
    path(
        "sekreterare/overenskommelser/<int:pk>/publicera/",
        secretary.agreement_publish,
        name="agreement_publish",
    ),
    path(
        "sekreterare/overenskommelser/<int:pk>/fornyelse/",
        secretary.renewal_invite,
        name="renewal_invite",
    ),
    path("sekreterare/uteslutning/", secretary.exclusion_case_list, name="exclusion_case_list"),
    path(
        "sekreterare/uteslutning/ny/<int:signature_pk>/",
        secretary.exclusion_case_open,
        name="exclusion_case_open",
    ),
    path(
        "sekreterare/uteslutning/<int:pk>/",
        secretary.exclusion_case_detail,
        name="exclusion_case_detail",
    ),
]
