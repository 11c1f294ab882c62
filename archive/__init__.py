"""The web application: search pages, item/meeting/person pages, JSON API and feeds.

It only reads, through ``indexer.search_api``. ``create_app`` is the Flask app factory.
"""
