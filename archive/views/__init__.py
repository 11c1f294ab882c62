"""Blueprints, one per concern: search pages, record pages, registers, JSON API, feeds/exports."""
