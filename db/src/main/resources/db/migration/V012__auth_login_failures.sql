-- Failed log-ins counted per account and per client address (login form, HTTP Basic and API tokens alike): after
-- too many failures within the window the subject is locked until locked_until; an administrator may unlock
-- earlier. A success resets the account's count.
CREATE TABLE auth.login_failure (
    subject_kind     text        NOT NULL CHECK (subject_kind IN ('ACCOUNT', 'ADDRESS')),
    subject          text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    failures         integer     NOT NULL CHECK (failures >= 0),
    first_failure_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz,
    PRIMARY KEY (subject_kind, subject)
);
