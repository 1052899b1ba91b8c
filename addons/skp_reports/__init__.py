# SKP-ASN reports: PDF documents, XLSX exports and scheduled reports.
