module lunebench

go 1.25

require github.com/anacrolix/stm v0.5.0

require github.com/alecthomas/atomic v0.1.0-alpha2 // indirect
