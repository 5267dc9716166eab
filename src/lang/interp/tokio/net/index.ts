/** `tokio::net` and `tokio::io` over the simulated loopback network (issue 17). */
import './addr.ts';
import './tcp.ts';
import './buf.ts';
import './ext.ts';
import './copy.ts';
import './signal.ts';
