"""Samverkan: collaboration between a municipality and its civil society."""
