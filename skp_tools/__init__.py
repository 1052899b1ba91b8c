"Tools around the SKP-ASN modules: demo data and a JSON-RPC client."
