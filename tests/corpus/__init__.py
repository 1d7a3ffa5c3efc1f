"""The development corpus of real calls and its test setup (see README.md)."""
