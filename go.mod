module github.com/marketkit/marketkit

go 1.26.0

require (
	github.com/bojanz/currency v1.4.2
	github.com/google/go-cmp v0.7.0
	github.com/nyaruka/phonenumbers v1.8.1
	github.com/shopspring/decimal v1.6.0
	golang.org/x/text v0.44.0
)

require (
	github.com/cockroachdb/apd/v3 v3.2.1 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)
