from django.urls import path

from samverkan.collaboration_map.views import ladder, map, public, secretary

app_name = "collaboration_map"
urlpatterns = [
    # Public
    path("kontaktytor/", public.catalogue, name="catalogue"),
    path("kontaktytor/organ/<slug:slug>/", public.body_forum, name="body_forum"),
    path("kontaktytor/<slug:slug>/", public.contact_point_detail, name="contact_point"),
    path("karta/", map.map_page, name="map"),
    path("karta/inbaddning/", map.map_embed_code, name="map_embed_code"),
    path("karta/inbaddning/ram/", map.map_embed_frame, name="map_embed_frame"),
    path("karta/inbaddning.svg", map.map_embed_svg, name="map_embed_svg"),
    path("trappan/", ladder.ladder, name="ladder"),
    # The secretary
    path("sekreterare/kontaktytor/", secretary.manage, name="manage"),
    path(
        "sekreterare/kontaktytor/ny/", secretary.contact_point_create, name="contact_point_create"
    ),
    path(
        "sekreterare/kontaktytor/<int:pk>/", secretary.contact_point_edit, name="contact_point_edit"
    ),
    path(
        "sekreterare/kontaktytor/<int:pk>/avaktivera/",
        secretary.contact_point_deactivate,
        name="contact_point_deactivate",
    ),
    path(
        "sekreterare/kontaktytor/<int:pk>/aktivera/",
        secretary.contact_point_activate,
        name="contact_point_activate",
    ),
    path("sekreterare/kontaktytor/organ/<slug:slug>/", secretary.body_adopt, name="body_adopt"),
    path("sekreterare/kopplingar/<int:pk>/ta-bort/", secretary.link_remove, name="link_remove"),
    path("sekreterare/teman/", secretary.themes, name="themes"),
    path("sekreterare/teman/<int:pk>/", secretary.theme_edit, name="theme_edit"),
    path("sekreterare/teman/<int:pk>/ta-bort/", secretary.theme_delete, name="theme_delete"),
    path("sekreterare/trappan/", secretary.ladder_steps, name="ladder_steps"),
    path(
        "sekreterare/trappan/standard/",
        secretary.ladder_standard_steps,
        name="ladder_standard_steps",
    ),
    path("sekreterare/trappan/<int:pk>/", secretary.ladder_step_edit, name="ladder_step_edit"),
    path(
        "sekreterare/trappan/<int:pk>/ta-bort/",
        secretary.ladder_step_delete,
        name="ladder_step_delete",
    ),
]
