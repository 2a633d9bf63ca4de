"""The data: the data package and its checks, the BPS microdata, provenance, and the transcription of the source pack."""
