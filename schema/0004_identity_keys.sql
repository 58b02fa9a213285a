-- Alliance Tracker schema, version 4: identity keys and the application id.
-- Released: never edit this file; add the next numbered one.

-- Client codes and counselor names are compared by a key (NFKC, case-folded, default-ignorable
-- characters dropped) so that two that look alike are one person. alliance_key() is defined by
-- the program on every connection; uniqueness by key is checked in core inside each write, so a
-- database that already holds two look-alike codes still opens (and keeps both).
ALTER TABLE counselor ADD COLUMN name_key TEXT;
ALTER TABLE client ADD COLUMN code_key TEXT;
UPDATE counselor SET name_key = alliance_key(name);
UPDATE client SET code_key = alliance_key(code);
CREATE INDEX counselor_name_key ON counselor (name_key);
CREATE INDEX client_code_key ON client (code_key);

-- "ALTR": how the program tells its own databases from other SQLite files.
PRAGMA application_id = 1095521362;
