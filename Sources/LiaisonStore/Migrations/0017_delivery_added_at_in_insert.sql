-- deliveries.added_at (0015) was set by a row trigger that took the append lock and read
-- max(added_at) once per delivery: 13 % of STIX intake in liaison-bench. The one statement
-- that inserts deliveries (IntakeTransaction.insertDeliveries) now computes it under the
-- append lock intake holds: one microsecond after the last row, and one microsecond apart
-- within the insert. The unique index of 0015 still refuses any row that breaks the order.
DROP TRIGGER deliveries_added_at ON deliveries;
DROP FUNCTION deliveries_set_added_at();
