from django.urls import path

from samverkan.watchlist import views

app_name = "watchlist"
urlpatterns = [
    path("pa-gang/", views.watch_list, name="list"),
    path("pa-gang/<int:pk>/", views.item_detail, name="item_detail"),
    path("pa-gang/ny/", views.item_edit, name="item_create"),
    path("pa-gang/<int:pk>/andra/", views.item_edit, name="item_edit"),
    path("pa-gang/<int:pk>/uppdatering/", views.update_add, name="update_add"),
    path("pa-gang/uppdateringar/<int:pk>/andra/", views.update_edit, name="update_edit"),
    path("portfolj/", views.portfolio, name="portfolio"),
    path("portfolj/ny/", views.portfolio_edit, name="portfolio_create"),
    path("portfolj/<int:pk>/andra/", views.portfolio_edit, name="portfolio_edit"),
    path("portfolj/<int:portfolio_pk>/mal/ny/", views.goal_edit, name="goal_create"),
    path("portfolj/<int:portfolio_pk>/mal/<int:pk>/", views.goal_edit, name="goal_edit"),
    path("portfolj/<int:portfolio_pk>/inriktning/ny/", views.priority_edit, name="priority_create"),
    path(
        "portfolj/<int:portfolio_pk>/inriktning/<int:pk>/",
        views.priority_edit,
        name="priority_edit",
    ),
    path("portfolj/<int:portfolio_pk>/insats/ny/", views.initiative_edit, name="initiative_create"),
    path(
        "portfolj/<int:portfolio_pk>/insats/<int:pk>/",
        views.initiative_edit,
        name="initiative_edit",
    ),
]
