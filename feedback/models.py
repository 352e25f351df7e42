"""What people who attended say: ratings of sessions, and the surveys after the fair."""
