"""gt-trainset nightly: one partition per day, on the DirectRunner or a Flink cluster.

Same jar and flags as every other launcher. The window is Airflow's data interval; a sensor waits
half an hour past its end so sessions still being written at midnight have settled. Retries help
only for exit code 1; exit 2 (bad options or input) and 3 (the leak gate) fail the same way again.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.beam.operators.beam import BeamRunJavaPipelineOperator
from airflow.sensors.time_delta import TimeDeltaSensor

JAR = "/opt/gt-trainset/gt-trainset.jar"
LAUNCHER = "dev.gttrainset.runners.Launcher"
OUT = "/data/gt-trainset"

OPTIONS = {
    "sessions": "/data/claude/projects",
    "town": "/data/gt",
    "gtHome": "/data/gt-home",
    "since": "{{ data_interval_start.isoformat() }}",
    "until": "{{ data_interval_end.isoformat() }}",
    "output": OUT + "/dt={{ ds }}",
    "dedupAgainst": OUT,
}

with DAG(
    dag_id="gt_trainset_nightly",
    schedule="@daily",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
) as dag:
    settle = TimeDeltaSensor(task_id="settle", delta=timedelta(minutes=30))

    direct = BeamRunJavaPipelineOperator(
        task_id="datasets_direct",
        runner="DirectRunner",
        jar=JAR,
        job_class=LAUNCHER,
        pipeline_options=OPTIONS,
    )

    # The Flink variant: the same partition, written by a Flink cluster that sees /data too.
    flink = BeamRunJavaPipelineOperator(
        task_id="datasets_flink",
        runner="FlinkRunner",
        jar=JAR,
        job_class=LAUNCHER,
        pipeline_options={
            **OPTIONS,
            "flinkMaster": "flink-jobmanager:8081",
            "filesToStage": JAR,
            "parallelism": 4,
        },
    )

    # Run one of them: pick the launcher that fits the town, and delete the other task.
    settle >> direct
    settle >> flink
