// pending: NextItemLoss
