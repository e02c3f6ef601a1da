#!/usr/bin/env python3
# Messages per second through an SMTP server on 127.0.0.1:PORT (default 12525), one connection.
# Used for the Postfix + canhgac figures in BENCHMARKS.md:  python3 benches/smtp-rate.py 300 [PORT]
import smtplib, time, sys
n=int(sys.argv[1]) if len(sys.argv)>1 else 200
body=("Subject: test\r\nFrom: a@lamdong.gov.vn\r\nTo: b@lamdong.gov.vn\r\n\r\n" + "Kinh gui cac don vi tren dia ban tinh.\r\n"*250).encode()
port=int(sys.argv[2]) if len(sys.argv)>2 else 12525
s=smtplib.SMTP('127.0.0.1',port); s.ehlo('bench')
t=time.time()
for i in range(n):
    s.sendmail('a@lamdong.gov.vn',['b@lamdong.gov.vn'],body)
dt=time.time()-t
print(f"{n} msgs in {dt:.2f}s = {n/dt:.1f} msg/s, {dt/n*1000:.1f} ms/msg")
s.quit()
