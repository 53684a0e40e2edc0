"""The Qt-free heart of sidebyside: documents, claims, matching, differences, anchors."""
