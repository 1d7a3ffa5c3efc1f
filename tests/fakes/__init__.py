"""Fakes of the providers' APIs, served on 127.0.0.1 for adapter and end-to-end tests."""
