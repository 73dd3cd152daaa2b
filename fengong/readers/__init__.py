"""Readers: source documents → :mod:`fengong.records`. One module per form of task division."""
