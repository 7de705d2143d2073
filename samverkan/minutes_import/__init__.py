"""Reading existing minutes (.txt, .md, .docx, text PDFs) into the structure of the meetings app."""
