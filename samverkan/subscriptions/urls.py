from django.urls import path

from samverkan.subscriptions import feeds, views

app_name = "subscriptions"
urlpatterns = [
    path("prenumerera/", views.subscribe, name="subscribe"),
    path("prenumerera/skickat/", views.sent, name="sent"),
    path("prenumerera/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("prenumerera/hantera/<str:token>/", views.manage, name="manage"),
    path("prenumerera/hantera/<str:token>/ny-lank/", views.reconfirm, name="reconfirm"),
    path("prenumerera/avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("flode/alla.atom", feeds.AllFeed(), name="feed"),
    path("flode/<str:segment>/<str:value>.atom", feeds.TopicFeed(), name="topic_feed"),
]
