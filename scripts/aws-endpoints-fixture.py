#!/usr/bin/env python3
"""Writes Tests/AWSKitTests/Fixtures/endpoints.json: the endpoint the installed botocore
computes for every region of every partition x service (cloudformation, ssm, sts) x
FIPS / dual-stack flag. Run once; the fixture is committed and AWSKit's table test
compares AWSEndpoint.standard against it. No network: clients are only constructed.

usage: python3 scripts/aws-endpoints-fixture.py > Tests/AWSKitTests/Fixtures/endpoints.json
"""
import json
import os

import botocore
import botocore.session
from botocore.config import Config

os.environ.pop("AWS_PROFILE", None)
os.environ["AWS_CONFIG_FILE"] = "/dev/null"
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
session = botocore.session.get_session()
partitions = json.load(open(os.path.join(os.path.dirname(botocore.__file__), "data", "partitions.json")))
rows = []
for partition in partitions["partitions"]:
    for region in sorted(partition["regions"]):
        if region.endswith("-global"):
            continue
        for service in ("cloudformation", "ssm", "sts"):
            for fips in (False, True):
                for dualstack in (False, True):
                    config = Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack)
                    try:
                        client = session.create_client(service, region_name=region, config=config,
                                                       aws_access_key_id="x", aws_secret_access_key="y")
                        url = client.meta.endpoint_url
                    except Exception as error:  # a combination the partition does not offer
                        url = None
                    rows.append({"partition": partition["id"], "region": region, "service": service,
                                 "fips": fips, "dualstack": dualstack, "url": url})
print(json.dumps({"botocore": botocore.__version__, "endpoints": rows}, indent=0))
