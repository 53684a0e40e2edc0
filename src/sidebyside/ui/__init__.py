"""The Qt window. Widgets show and ask; the domain work lives in core, store and operations."""
