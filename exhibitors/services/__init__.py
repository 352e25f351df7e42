"""The rules of the exhibitor path: `applications` (an application from its start to its stand,
its documents and staff), `cooperatives` (a cooperative and its managers' invitations),
`pages` (the directory's pages). Views, admin screens, tasks and commands call these."""
