// pending: CatalogLoss
