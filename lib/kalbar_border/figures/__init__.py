"""Figures: the style, the saving function, one drawing function per figure, and the labels in English and Indonesian."""
