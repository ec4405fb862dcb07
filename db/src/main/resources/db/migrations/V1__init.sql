CREATE TABLE placeholder_check (id BIGINT PRIMARY KEY);
