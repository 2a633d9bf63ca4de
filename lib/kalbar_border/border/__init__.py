"""The border side: Entikong deportation batches, annual series, remittances and placements."""
