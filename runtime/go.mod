module lune-go/rt

go 1.25
