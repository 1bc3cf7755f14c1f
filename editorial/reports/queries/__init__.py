"""The reports' numbers, one module per report. Every number is counted by the database
at request time (grouped queries and subqueries, a fixed number per report whatever
the row counts); Python only lays the aggregates out in rows."""
