// pending: ExplicitLoss
