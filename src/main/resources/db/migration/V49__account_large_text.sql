-- Large-text mode (适老化) as the person last chose it on their account; NULL: never chosen, the browser's cookie decides.
ALTER TABLE account ADD COLUMN large_text boolean;
