-- The database the test's fixture builds: main.orders, and a second orders table in schema sales.
CREATE TABLE orders (order_id VARCHAR NOT NULL, order_total INTEGER);
INSERT INTO orders VALUES ('order-1', 100), ('order-2', 200);
CREATE SCHEMA sales;
CREATE TABLE sales.orders (order_id VARCHAR NOT NULL, order_total INTEGER);
INSERT INTO sales.orders VALUES ('sales-1', 100), ('sales-2', 200);
