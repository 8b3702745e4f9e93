// pending: GlobalLoss
