"""Explore a store in a browser or from a program: a read-only REST API and a web page.

``create_app(db)`` in :mod:`dateline.serve.app` builds the FastAPI app;
``serve(db, host, port)`` runs it with uvicorn (127.0.0.1 unless told otherwise).
"""
