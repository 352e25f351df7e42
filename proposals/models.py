"""Calls for proposals, the sessions proposed to them, their speakers and their reviews."""
